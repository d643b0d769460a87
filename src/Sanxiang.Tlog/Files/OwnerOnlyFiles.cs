namespace Sanxiang.Tlog.Files;

/// <summary>
/// Secret files (signing keys, field-encryption keys) readable by the owner only: written 0600 through a temporary file
/// renamed into place, so a crash never leaves a half-written key; and refused when others may read or write them.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>Group or other may read or write the file or folder.</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != UnixFileMode.None;

    /// <summary>The file's text; throws (the app does not start) when others may read it.</summary>
    public static string ReadSecret(string path)
    {
        if (IsOpenToOthers(path))
        {
            throw new InvalidOperationException($"密钥文件可被其他用户读取，拒绝启动：{path}（请执行 chmod 600 {path}）/ key file readable by others");
        }

        return File.ReadAllText(path);
    }

    /// <summary>Writes <paramref name="text"/> owner-only (0600), flushed to disk, through a temporary file renamed into place.</summary>
    public static void WriteSecret(string path, string text, bool overwrite)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite);
    }
}
