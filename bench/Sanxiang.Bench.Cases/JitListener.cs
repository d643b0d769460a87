using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Sanxiang.Bench.Cases;

/// <summary>Counts the methods the JIT compiles while enabled (--jit with profile): which code keeps being compiled.</summary>
internal sealed class JitListener : EventListener
{
    public ConcurrentDictionary<string, long> Methods { get; } = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Recording || eventData.EventName != "MethodJittingStarted_V1" || eventData.Payload is null)
        {
            return;
        }

        var ns = eventData.Payload[eventData.PayloadNames!.IndexOf("MethodNamespace")]?.ToString() ?? "?";
        var name = eventData.Payload[eventData.PayloadNames!.IndexOf("MethodName")]?.ToString() ?? "?";
        var sig = eventData.Payload[eventData.PayloadNames!.IndexOf("MethodSignature")]?.ToString() ?? "?";
        var key = $"{ns}::{name} {sig}";
        Methods.AddOrUpdate(key.Length > 200 ? key[..200] : key, 1, (_, n) => n + 1);
    }
}
