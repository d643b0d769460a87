namespace Sanxiang.Kernel.Domain;

/// <summary>Thrown when an object does not exist or is outside the caller's scope: both become 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("未找到该对象")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
