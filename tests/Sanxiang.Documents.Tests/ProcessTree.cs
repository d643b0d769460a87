using System.Globalization;

namespace Sanxiang.Documents.Tests;

/// <summary>This process's descendants, read from /proc (Linux).</summary>
internal static class ProcessTree
{
    public sealed record Entry(int Pid, int ParentPid, string Name);

    public static IReadOnlyList<Entry> Descendants(int root)
    {
        var all = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                all.Add(new Entry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), stat[(open + 1)..close]));
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        var result = new List<Entry>();
        var parents = new HashSet<int> { root };
        bool added;
        do
        {
            added = false;
            foreach (var entry in all.Where(e => parents.Contains(e.ParentPid) && !parents.Contains(e.Pid)))
            {
                parents.Add(entry.Pid);
                result.Add(entry);
                added = true;
            }
        }
        while (added);
        return result;
    }
}
