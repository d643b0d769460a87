using Sanxiang.Tlog.Files;

namespace Sanxiang.Tlog.Note;

/// <summary>
/// Signer keys kept in files: read when the file exists, otherwise generated and written readable by the owner only
/// (<see cref="OwnerOnlyFiles"/>). A key file that others may read is refused (the app does not start with it): fix it
/// with <c>chmod 600</c>.
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
            return (T)NoteKeys.ParseSigner(OwnerOnlyFiles.ReadSecret(path).Trim());
        }

        var signer = generate();
        OwnerOnlyFiles.WriteSecret(path, format(signer) + Environment.NewLine, overwrite: false);
        return signer;
    }
}
