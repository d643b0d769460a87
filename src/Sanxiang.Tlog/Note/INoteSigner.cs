namespace Sanxiang.Tlog.Note;

/// <summary>
/// A key that verifies note signatures (C2SP signed-note, "Signatures"): identified by its key name and 32-bit key ID.
/// </summary>
public interface INoteVerifier
{
    /// <summary>The key name: non-empty, without Unicode spaces or '+'.</summary>
    string Name { get; }

    /// <summary>The key ID, SHA-256(name || 0x0A || signature type || public key)[:4] as a big-endian integer.</summary>
    uint KeyId { get; }

    /// <summary>Whether signature (without the 4-byte key ID) is valid for the note text message.</summary>
    bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}

/// <summary>A key that signs note texts (C2SP signed-note).</summary>
public interface INoteSigner
{
    /// <summary>The key name.</summary>
    string Name { get; }

    /// <summary>The key ID (see <see cref="INoteVerifier.KeyId"/>).</summary>
    uint KeyId { get; }

    /// <summary>The signature of the note text message, without the 4-byte key ID.</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
