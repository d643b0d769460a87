using Sanxiang.Bench;
using Sanxiang.Bench.Media;

// Media ingest benchmark (issue 5), run through bench/media.sh:
//   ingest --host DLL --work DIR --file FILE [--runs 3] [--chunk 0] [--port 5197]
//       the real app over loopback: tus upload of FILE (one PATCH, or PATCHes of --chunk bytes) against
//       `cat FILE > copy && sha256sum copy` on the same disk, alternating, page cache dropped before each side;
//       peak extra RSS of the server during each upload; the server's SHA-256 checked against sha256sum's.
//   resume --host DLL --work DIR --size BYTES [--chunk 1073741824] [--drops 2] [--seed 5] [--port 5198]
//       a generated stream of BYTES uploaded in PATCHes of --chunk bytes, the connection dropped mid-chunk --drops
//       times at random offsets, resumed from the server's HEAD offset; the server's SHA-256 checked against the client's.
var a = new Args(args);
var command = args.Length > 0 ? args[0] : "help";
var host = a.Get("host", string.Empty);
var work = a.Get("work", string.Empty);
if (command is not ("ingest" or "resume") || host.Length == 0 || work.Length == 0)
{
    Console.Error.WriteLine("usage: Sanxiang.Bench.Media ingest|resume --host Sanxiang.Host.dll --work DIR [options] (see Program.cs)");
    return 2;
}

return command == "ingest"
    ? await IngestBench.RunAsync(host, work, a.Get("file", string.Empty), a.Int("runs", 3), a.Long("chunk", 0), a.Int("port", 5197))
    : await ResumeBench.RunAsync(host, work, a.Long("size", 1L << 30), a.Long("chunk", 1L << 30), a.Int("drops", 2), a.Int("seed", 5), a.Int("port", 5198));
