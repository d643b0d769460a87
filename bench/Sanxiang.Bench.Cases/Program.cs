using Sanxiang.Bench;
using Sanxiang.Bench.Cases;

// Case engine benchmark (issue 4). Run it through bench/cases.sh; each command prints a Markdown section.
//   profile --db sqlite|postgres [--cases 100] [--scenario warning|fine] [--jit yes] [--work DIR]
//   transitions --db sqlite|postgres [--workers 1,4] [--windows 8] [--window-cases 32] [--scenario warning|fine] [--work DIR]
// PostgreSQL: SANXIANG_BENCH_PG is a connection string to a database from which new databases can be created.
var options = new Args(args);
switch (args.FirstOrDefault())
{
    case "transitions":
        await TransitionBench.RunAsync(options);
        break;
    case "profile":
        await TransitionBench.ProfileAsync(options);
        break;
    default:
        Console.Error.WriteLine("usage: Sanxiang.Bench.Cases transitions --db sqlite|postgres [--option value ...]");
        return 2;
}

return 0;
