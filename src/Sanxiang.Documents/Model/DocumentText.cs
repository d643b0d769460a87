namespace Sanxiang.Documents;

/// <summary>Line handling shared by the canonical form and the renderers, so all of them see the same lines.</summary>
internal static class DocumentText
{
    /// <summary>CR LF and lone CR become LF.</summary>
    public static string NormalizeLineBreaks(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    public static string[] Lines(string text) => NormalizeLineBreaks(text).Split('\n');
}
