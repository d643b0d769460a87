using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Sanxiang.Media.Uploads;

/// <summary>
/// SHA-256 whose running state can be saved and restored, so that an interrupted upload continues its hash where it
/// stopped and the file is never read twice. It calls the system OpenSSL 3's <c>SHA256_Init/Update/Final</c>, whose
/// context (<c>SHA256_CTX</c>, 112 bytes: H0..H7, the bit count, the partial block, its length) is plain memory that
/// is copied out and back in; OpenSSL's assembly uses the CPU's SHA extensions where present. Where libcrypto cannot be
/// loaded, <see cref="IsResumable"/> is false: the hash runs on .NET's SHA-256 and a resumed upload re-hashes the bytes
/// it already has (documented in docs/decisions/0016).
/// </summary>
internal sealed unsafe class ResumableSha256 : IDisposable
{
    private const int ContextSize = 112;
    private const string StatePrefix = "openssl-sha256-ctx-v1:";
    private static readonly Api? Native = Api.TryLoad();
    private readonly byte* _ctx;
    private readonly IncrementalHash? _fallback;
    private long _length;

    private ResumableSha256()
    {
        if (Native is null)
        {
            _fallback = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
        else
        {
            _ctx = (byte*)NativeMemory.AllocZeroed(ContextSize);
            Native.Init(_ctx);
        }
    }

    /// <summary>Whether the state can be exported (OpenSSL was loaded and passed its self-test).</summary>
    public static bool IsResumable => Native is not null;

    /// <summary>Bytes hashed so far.</summary>
    public long Length => _length;

    public static ResumableSha256 Create() => new();

    /// <summary>A hasher continuing from an exported state of <paramref name="length"/> bytes; null when the state is unusable here.</summary>
    public static ResumableSha256? Restore(string? state, long length)
    {
        if (Native is null || state is null || !state.StartsWith(StatePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(state[StatePrefix.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }

        // Nl/Nh (offsets 32 and 36) hold the bit count: the state must be of exactly the bytes on disk.
        if (bytes.Length != ContextSize || (BitConverter.ToUInt32(bytes, 32) | ((ulong)BitConverter.ToUInt32(bytes, 36) << 32)) != (ulong)length * 8)
        {
            return null;
        }

        var h = new ResumableSha256 { _length = length };
        bytes.CopyTo(new Span<byte>(h._ctx, ContextSize));
        return h;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_fallback is not null)
        {
            _fallback.AppendData(data);
        }
        else
        {
            fixed (byte* p = data)
            {
                if (Native!.Update(_ctx, p, (nuint)data.Length) != 1)
                {
                    throw new CryptographicException("SHA256_Update failed");
                }
            }
        }

        _length += data.Length;
    }

    /// <summary>The state to save with the upload (null when not resumable).</summary>
    public string? Export() => _fallback is not null ? null : StatePrefix + Convert.ToBase64String(new ReadOnlySpan<byte>(_ctx, ContextSize));

    /// <summary>The digest of everything appended (the hasher must not be used afterwards).</summary>
    public byte[] Finish()
    {
        if (_fallback is not null)
        {
            return _fallback.GetHashAndReset();
        }

        var digest = new byte[32];
        fixed (byte* d = digest)
        {
            if (Native!.Final(d, _ctx) != 1)
            {
                throw new CryptographicException("SHA256_Final failed");
            }
        }

        return digest;
    }

    public void Dispose()
    {
        _fallback?.Dispose();
        if (_ctx != null)
        {
            NativeMemory.Free(_ctx);
        }
    }

    private sealed class Api
    {
        public delegate* unmanaged<byte*, int> Init;
        public delegate* unmanaged<byte*, byte*, nuint, int> Update;
        public delegate* unmanaged<byte*, byte*, int> Final;

        public static Api? TryLoad()
        {
            if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libcrypto.so.3", out var lib)
                || !NativeLibrary.TryGetExport(lib, "SHA256_Init", out var init)
                || !NativeLibrary.TryGetExport(lib, "SHA256_Update", out var update)
                || !NativeLibrary.TryGetExport(lib, "SHA256_Final", out var final))
            {
                return null;
            }

            var api = new Api
            {
                Init = (delegate* unmanaged<byte*, int>)init,
                Update = (delegate* unmanaged<byte*, byte*, nuint, int>)update,
                Final = (delegate* unmanaged<byte*, byte*, int>)final,
            };
            return SelfTest(api) ? api : null;
        }

        /// <summary>FIPS 180-2 B.1 "abc" hashed in two pieces with the context copied in between; refuse the native path otherwise.</summary>
        private static bool SelfTest(Api api)
        {
            var a = stackalloc byte[ContextSize];
            var b = stackalloc byte[ContextSize];
            var digest = stackalloc byte[32];
            ReadOnlySpan<byte> abc = "abc"u8;
            fixed (byte* p = abc)
            {
                if (api.Init(a) != 1 || api.Update(a, p, 1) != 1)
                {
                    return false;
                }

                new ReadOnlySpan<byte>(a, ContextSize).CopyTo(new Span<byte>(b, ContextSize));
                if (api.Update(b, p + 1, 2) != 1 || api.Final(digest, b) != 1)
                {
                    return false;
                }
            }

            return Convert.ToHexStringLower(new ReadOnlySpan<byte>(digest, 32)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        }
    }
}
