using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace Sanxiang.Kernel.Hosting;

/// <summary>
/// One data root for every file the app writes (issue 15): the SQLite database, keys, media objects, upload staging
/// and documents live under <c>Data:Root</c> (default <c>./data</c> of the working directory) unless a setting names
/// another place. The root is 0700 and the process creates files 0600 and folders 0700 (umask 077), so neither the
/// database nor a staged upload is readable by other users of the machine.
/// </summary>
public static class DataRoot
{
    public const string Key = "Data:Root";

    /// <summary>The data root, absolute.</summary>
    public static string Of(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Key];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured);
    }

    /// <summary>The path a setting names, or its place under the data root when the setting is empty.</summary>
    public static string PathFor(IConfiguration configuration, string key, params string[] underRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[key];
        return string.IsNullOrWhiteSpace(configured) ? Path.Combine([Of(configuration), .. underRoot]) : Path.GetFullPath(configured);
    }

    /// <summary>Creates the root (0700), tightens it if it was open, and sets the process's umask to 077.</summary>
    public static string Prepare(IConfiguration configuration)
    {
        var root = Of(configuration);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
            return root;
        }

        _ = Umask(0x3F); // 077: files 0600, folders 0700
        Directory.CreateDirectory(root, OwnerOnlyFolder);
        File.SetUnixFileMode(root, OwnerOnlyFolder);
        return root;
    }

    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
