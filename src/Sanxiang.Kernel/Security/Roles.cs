namespace Sanxiang.Kernel.Security;

/// <summary>The roles of Sanxiang users (role names are stable identifiers; Chinese labels are for display).</summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string Reviewer = "reviewer";
    public const string Head = "head";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    /// <summary>财务人员: imports bank payment files (罚缴分离) with the heads.</summary>
    public const string Finance = "finance";

    /// <summary>Not a user role: the role carried by API-key principals.</summary>
    public const string ApiClient = "apiclient";

    public static readonly IReadOnlyList<string> UserRoles = [Officer, Reviewer, Head, Finance, Supervisor, Administrator];

    public static string Label(string role) => role switch
    {
        Officer => "执法人员",
        Reviewer => "法制审核人员",
        Head => "负责人",
        Finance => "财务人员",
        Supervisor => "监督人员",
        Administrator => "系统管理员",
        ApiClient => "接口客户端",
        _ => role,
    };
}

/// <summary>Claim types Sanxiang adds to principals.</summary>
public static class SanxiangClaims
{
    public const string AgencyId = "sx:agency";
    public const string DisplayName = "sx:name";

    /// <summary>The Registry officer the user is, when an administrator linked them (absent otherwise).</summary>
    public const string OfficerId = "sx:officer";
}
