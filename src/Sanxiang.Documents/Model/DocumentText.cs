namespace Sanxiang.Documents;

/// <summary>Line handling shared by the canonical form and the renderers, so all of them see the same lines.</summary>
internal static class DocumentText
{
    /// <summary>CR LF and lone CR become LF.</summary>
    public static string NormalizeLineBreaks(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    public static string[] Lines(string text) => NormalizeLineBreaks(text).Split('\n');

    /// <summary>
    /// Characters XML 1.0 cannot hold (control characters other than tab and line breaks, lone surrogates,
    /// U+FFFE, U+FFFF) become U+FFFD, so a stray byte in case data never breaks a .docx or an HTML page.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (!text.Any(IsSuspect))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static bool IsSuspect(char c) => (c < ' ' && c is not '\t' and not '\n' and not '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
