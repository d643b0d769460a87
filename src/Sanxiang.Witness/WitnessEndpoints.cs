using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Tlog.Witness;

namespace Sanxiang.Witness;

/// <summary>
/// The C2SP tlog-witness HTTP API (https://c2sp.org/tlog-witness): <c>POST /add-checkpoint</c> answers 200 with
/// the cosignature line, 409 with the witness's latest size (text/x.tlog.size), 422 for a bad consistency proof,
/// 404 for an unknown log, 403 for a checkpoint the log did not sign, 400 for a malformed request.
/// </summary>
public static class WitnessEndpoints
{
    /// <summary>Request bodies larger than this are refused (63 proof lines and a checkpoint fit easily).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app, CheckpointWitness witness)
    {
        app.MapPost("/add-checkpoint", async (HttpRequest request, CancellationToken ct) =>
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                return Results.Text("request too large\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: false));
            var buffer = new char[MaxBodyBytes + 1];
            var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            if (length > MaxBodyBytes)
            {
                return Results.Text("request too large\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            var result = witness.AddCheckpoint(new string(buffer, 0, length));
            var contentType = result.Outcome == WitnessOutcome.Conflict ? "text/x.tlog.size" : "text/plain; charset=utf-8";
            return Results.Text(result.Body, contentType, statusCode: (int)result.Outcome);
        });
        app.MapGet("/verifier-key", () => Results.Text(witness.VerifierKey + "\n", "text/plain; charset=utf-8"));
    }
}
