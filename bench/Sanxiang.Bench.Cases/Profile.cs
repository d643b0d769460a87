using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sanxiang.Bench.Cases;

/// <summary>
/// Where a transition's time goes (--profile): every SQL command the modules' DbContexts send (EF Core's diagnostic
/// events, so the Registry's queries too), by kind, with its duration, and the commits. The rest of a transition's
/// wall time is the process's own work: EF Core, JSON, the rules, DI scopes.
/// </summary>
internal sealed partial class Profile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, (long Count, double Ms)> _byKind = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public Profile() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public void Clear()
    {
        _byKind.Clear();
        Events.Clear();
    }

    public IReadOnlyList<(string Kind, long Count, double Ms)> Snapshot() =>
        [.. _byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value.Count, k.Value.Ms))];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public ConcurrentDictionary<string, long> Events { get; } = new(StringComparer.Ordinal);

    public void OnNext(KeyValuePair<string, object?> value)
    {
        Events.AddOrUpdate(value.Key, 1, (_, n) => n + 1);
        switch (value.Value)
        {
            case CommandExecutedEventData e:
                Add(Kind(e.Command), e.Duration.TotalMilliseconds);
                break;
            case TransactionEndEventData e when value.Key == RelationalEventId.TransactionCommitted.Name:
                Add("write: COMMIT", e.Duration.TotalMilliseconds);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private void Add(string kind, double ms) => _byKind.AddOrUpdate(kind, (1, ms), (_, v) => (v.Count + 1, v.Ms + ms));

    private static string Kind(DbCommand command)
    {
        // One label per statement: its verb and table (EF sends a save as one batch where the provider allows it).
        var statements = command.CommandText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Table().Match(s) is { Success: true } m ? $"{s.Split(' ', 2)[0].ToUpperInvariant()} {m.Groups[1].Value}" : null)
            .OfType<string>()
            .ToList();
        var label = string.Join(" + ", statements);
        return statements.TrueForAll(x => x.StartsWith("SELECT", StringComparison.Ordinal)) ? "read: " + label : "write: " + label;
    }

    [GeneratedRegex("(?:FROM|INTO|UPDATE) \"?(\\w+)")]
    private static partial Regex Table();
}
