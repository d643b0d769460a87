namespace Sanxiang.Kernel.Security;

/// <summary>A signed-in user as other modules may know them: IDs, display name, agency and roles; no credentials.</summary>
public sealed record DirectoryUser(string UserId, string UserName, string DisplayName, Guid AgencyId, IReadOnlyList<string> Roles);

/// <summary>The users of an agency (implemented by the host, which owns the user store).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<DirectoryUser>> InAgencyAsync(Guid agencyId, CancellationToken ct = default);
}
