using System.Buffers.Text;
using System.Text;

namespace Sanxiang.Tlog.Note;

/// <summary>Text rules of signed notes: strict UTF-8, no ASCII control characters but newline.</summary>
internal static class NoteText
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether bytes are valid UTF-8 without control characters below U+0020 other than newline.</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20 && b != (byte)'\n')
            {
                return false;
            }
        }

        return System.Text.Unicode.Utf8.IsValid(bytes);
    }

    /// <summary>UTF-8 bytes of a string; a malformed string (lone surrogate) is a malformed note.</summary>
    public static byte[] Encode(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException exception)
        {
            throw new NoteException("Malformed note: the text is not valid Unicode.", exception);
        }
    }

    /// <summary>Decodes standard padded base64 (RFC 4648 §4), or null.</summary>
    public static byte[]? FromBase64(string text)
    {
        if (text.Length == 0 || !Base64.IsValid(text, out _) || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        return Convert.FromBase64String(text);
    }
}
