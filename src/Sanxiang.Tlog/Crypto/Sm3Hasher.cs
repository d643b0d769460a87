namespace Sanxiang.Tlog.Crypto;

/// <summary>
/// Incremental SM3 (GB/T 32905-2016): append data in pieces of any size, then finish. Whole blocks are compressed
/// straight from the caller's span; only a partial block is buffered. After <see cref="Finish(Span{byte})"/>
/// the hasher is reset and can be reused.
/// </summary>
public sealed class Sm3Hasher
{
    private readonly byte[] _buffer = new byte[Sm3.BlockSizeInBytes];
    private Sm3State _state = Sm3State.Initial;
    private int _buffered;
    private ulong _total;

    /// <summary>Adds data to the running hash.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _total += (ulong)data.Length;
        if (_buffered > 0)
        {
            var take = Math.Min(Sm3.BlockSizeInBytes - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < Sm3.BlockSizeInBytes)
            {
                return;
            }

            Sm3.Compress(ref _state, _buffer);
            _buffered = 0;
        }

        var whole = data.Length & ~(Sm3.BlockSizeInBytes - 1);
        Sm3.Compress(ref _state, data[..whole]);
        data[whole..].CopyTo(_buffer);
        _buffered = data.Length - whole;
    }

    /// <summary>Writes the digest of everything appended (32 bytes) and resets the hasher.</summary>
    public void Finish(Span<byte> destination)
    {
        Sm3.FinishTail(ref _state, _buffer.AsSpan(0, _buffered), _total, destination);
        Reset();
    }

    /// <summary>Returns the digest of everything appended and resets the hasher.</summary>
    public byte[] Finish()
    {
        var result = new byte[Sm3.HashSizeInBytes];
        Finish(result);
        return result;
    }

    /// <summary>Forgets everything appended.</summary>
    public void Reset()
    {
        _state = Sm3State.Initial;
        _buffered = 0;
        _total = 0;
    }
}
