using System.Buffers.Binary;
using System.Text;
using Sanxiang.Tlog.Crypto;
using Sanxiang.Tlog.Note;

namespace Sanxiang.Tlog.Tests.Note;

public sealed class CosignatureTests
{
    private const string Body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [Fact]
    public void SpecExampleCosignatureLine_HasKeyIdTimestampAndSignature()
    {
        // c2sp.org/tlog-cosignature example: the line's payload is keyID(4) || timestamp(8) || Ed25519 signature(64),
        // and its timestamp is the "time 1679315147" of the example signed message.
        const string Line = "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";
        var (_, signatures) = SignedNote.Parse(Encoding.UTF8.GetBytes(Body + "\n" + Line));
        var signature = signatures.ShouldHaveSingleItem();
        signature.Name.ShouldBe("witness.example.com/w1");
        signature.Signature.Length.ShouldBe(Cosignature.Size);
        Cosignature.ReadTimestamp(signature.Signature.Span).ShouldBe(1679315147);
    }

    [Fact]
    public void Witness_CosignsACheckpoint_ThatVerifiesWithTheLogKeyAndTheWitnessKey()
    {
        var log = Ed25519NoteSigner.Generate("example.com/behind-the-sofa");
        var witness = CosignatureSigner.Generate("witness.example.com/w1", new FixedTime(1679315147));
        var logged = SignedNote.Open(SignedNote.Sign(Body, log), [log.Verifier]);
        var cosigned = SignedNote.Sign(logged, witness);

        var note = SignedNote.Open(cosigned, [log.Verifier, NoteKeys.ParseVerifier(witness.Verifier.VerifierKey)]);
        note.Signatures.Count.ShouldBe(2);
        var line = note.Signatures[1];
        line.KeyId.ShouldBe(NoteKeys.ComputeKeyId("witness.example.com/w1", [0x04, .. PublicKey(witness)]));
        Convert.FromBase64String(line.Base64).Length.ShouldBe(4 + 8 + 64);
        BinaryPrimitives.ReadInt64BigEndian(line.Signature.Span).ShouldBe(1679315147);

        // The signature covers "cosignature/v1\ntime <t>\n" followed by the checkpoint body.
        var message = Encoding.UTF8.GetBytes("cosignature/v1\ntime 1679315147\n" + Body);
        Ed25519.Verify(PublicKey(witness), message, line.Signature.Span[8..]).ShouldBeTrue();
        witness.Verifier.TryVerify(Encoding.UTF8.GetBytes(Body), line.Signature.Span, out var timestamp).ShouldBeTrue();
        timestamp.ShouldBe(1679315147);

        // A log-only client skips the cosignature as an unknown key.
        SignedNote.Open(cosigned, [log.Verifier]).UnverifiedSignatures.ShouldHaveSingleItem().Name.ShouldBe("witness.example.com/w1");
    }

    [Fact]
    public void Cosignature_FailsWithAnotherTimestamp_OrBody_OrAnOutOfRangeTimestamp()
    {
        var witness = CosignatureSigner.Generate("w");
        var body = Encoding.UTF8.GetBytes(Body);
        var signature = witness.Sign(body, 1700000000);
        witness.Verifier.Verify(body, signature).ShouldBeTrue();

        var shifted = signature.ToArray();
        BinaryPrimitives.WriteInt64BigEndian(shifted, 1700000001);
        witness.Verifier.Verify(body, shifted).ShouldBeFalse();
        witness.Verifier.Verify([.. body, .. "ext\n"u8], signature).ShouldBeFalse();
        shifted[0] = 0x80;
        Cosignature.ReadTimestamp(shifted).ShouldBeNull();
        witness.Verifier.Verify(body, shifted).ShouldBeFalse();
        witness.Verifier.Verify(body, signature.AsSpan(0, 71)).ShouldBeFalse();

        // The same key as a plain Ed25519 note key has another key ID (type 0x01 vs 0x04).
        var typedKey = Convert.FromBase64String(witness.Verifier.VerifierKey.Split('+', 3)[2]);
        typedKey[0].ShouldBe(NoteKeys.CosignatureType);
        new Ed25519NoteVerifier("w", typedKey.AsSpan(1)).KeyId.ShouldNotBe(witness.KeyId);
        NoteKeys.ParseSigner(witness.SignerKey).ShouldBeOfType<CosignatureSigner>().KeyId.ShouldBe(witness.KeyId);
    }

    private static byte[] PublicKey(CosignatureSigner signer) =>
        Convert.FromBase64String(signer.Verifier.VerifierKey.Split('+', 3)[2])[1..];

    private sealed class FixedTime(long seconds) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
