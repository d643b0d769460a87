using Sanxiang.Bench;
using Sanxiang.Bench.Disclosure;
// The data of the public search benchmark (bench/search.sh): N published decisions written through the Disclosure
// module's own aggregate (taken in, masked, published: the same fields, published text, hash and display period as the
// pipeline gives them) and its own word index, in batches, into a database the app has already migrated; and the
// list of search URLs the load generator replays. The decisions are synthetic but shaped like real ones: 40 agencies,
// 60 enforcement matters with their laws, facts assembled from a few hundred phrases, so that words range from
// everywhere (罚款) to rare (烟花爆竹).
//
//   Sanxiang.Bench.Disclosure seed --db sqlite|postgres --conn CS --count N [--batch 5000]
//   Sanxiang.Bench.Disclosure urls --count N --out FILE [--base http://127.0.0.1:5190]
//   Sanxiang.Bench.Disclosure mask --count N --corpus FILE [--rounds 5]   (masking per decision, bench/masking.sh)
var a = new Args(args);
return args.FirstOrDefault() switch
{
    "seed" => await Corpus.SeedAsync(a),
    "urls" => Corpus.Urls(a),
    "mask" => Masking.Run(a),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed --db sqlite|postgres --conn CS --count N | urls --count N --out FILE");
    return 2;
}
