namespace Sanxiang.Kernel.Domain;

/// <summary>The caller may see the object but their role may not perform the action (HTTP 403, Chinese message).</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException()
        : this("您的角色无权执行此操作")
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
