namespace Sanxiang.Tlog.Note;

/// <summary>Why a signed note was rejected.</summary>
public enum NoteError
{
    /// <summary>The note is not well formed (signed-note "Format").</summary>
    Malformed,

    /// <summary>A signature from a known key failed to verify.</summary>
    InvalidSignature,

    /// <summary>No signature from a known key (signed-note "Signatures": clients MUST reject the note).</summary>
    Unverified,
}

/// <summary>A signed note was rejected; see <see cref="Error"/>.</summary>
public sealed class NoteException : Exception
{
    public NoteException()
    {
    }

    public NoteException(string message)
        : base(message)
    {
    }

    public NoteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NoteException(NoteError error, string message)
        : base(message) => Error = error;

    public NoteError Error { get; }
}
