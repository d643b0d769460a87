using Sanxiang.Bench;
using Sanxiang.Bench.Ledger;

// Ledger benchmarks (issue 3). Run them all through bench/ledger.sh; each command prints a Markdown section.
//   append --db sqlite|postgres [--entries 200000] [--batch 2000] [--window 20000] [--work DIR]
//   proofs --db sqlite,postgres [--sizes 1000000,10000000] [--queries 10000] [--work DIR]
//   verify [--size 10000000] [--runs 3] [--suites sha256,sm3]
//   sm3 --file FILE [--runs 5]
// PostgreSQL: SANXIANG_BENCH_PG is a connection string to a database from which new databases can be created.
var options = new Args(args);
switch (args.FirstOrDefault())
{
    case "append":
        await AppendBench.RunAsync(options);
        break;
    case "proofs":
        await ProofBench.RunAsync(options);
        break;
    case "verify":
        await VerifyBench.RunAsync(options);
        break;
    case "sm3":
        Sm3Bench.Run(options);
        break;
    default:
        Console.Error.WriteLine("usage: Sanxiang.Bench.Ledger append|proofs|verify|sm3 [--option value ...]");
        return 2;
}

return 0;
