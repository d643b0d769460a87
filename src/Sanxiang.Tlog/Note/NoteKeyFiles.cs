namespace Sanxiang.Tlog.Note;

/// <summary>
/// Signer keys kept in files: read when the file exists, otherwise generated and written readable by the owner only
/// (0600), through a temporary file renamed into place so that a crash never leaves an empty key file. A key file that
/// others may read is refused (the app does not start with it): fix it with <c>chmod 600</c>.
/// </summary>
public static class NoteKeyFiles
{
    public static T LoadOrCreate<T>(string file, Func<T> generate, Func<T, string> format)
        where T : INoteSigner
    {
        ArgumentNullException.ThrowIfNull(generate);
        ArgumentNullException.ThrowIfNull(format);
        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != UnixFileMode.None)
            {
                throw new InvalidOperationException($"密钥文件可被其他用户读取，拒绝启动：{path}（请执行 chmod 600 {path}）/ key file readable by others");
            }

            return (T)NoteKeys.ParseSigner(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var signer = generate();
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(format(signer));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
        return signer;
    }
}
