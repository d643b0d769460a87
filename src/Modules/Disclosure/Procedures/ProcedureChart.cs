using System.Globalization;
using System.Net;
using System.Text;
using Sanxiang.Cases.Contracts;

namespace Sanxiang.Disclosure.Procedures;

/// <summary>
/// Draws the penalty procedure as an SVG flowchart from the case engine's own stages and transitions
/// (<see cref="CaseProcedure"/>), so the published chart (GB118-PUB-1) changes when the engine does. One column of
/// stage boxes in order, with a start node for the actions that open a case; a transition to the next stage is a
/// straight arrow, any other transition an elbow on the right in its own lane. The steps allowed within a stage are
/// listed beside it, and the page gives the same content as text for screen readers.
/// </summary>
internal static class ProcedureChart
{
    private const int BoxX = 16;
    private const int BoxWidth = 250;
    private const int BoxHeight = 46;
    private const int RowHeight = 96;
    private const int Top = 16;
    private const int LaneStart = BoxX + BoxWidth + 30;
    private const int LaneWidth = 150;

    /// <summary>The text a node shows: "开始" or the stage's Chinese label.</summary>
    public static string Label(CaseStage? stage) => stage is { } s ? CaseLabels.Of(s) : "案件来源（检查发现、投诉举报、移送等）";

    public static string Svg()
    {
        var nodes = new List<CaseStage?> { null };
        nodes.AddRange(CaseProcedure.Stages.Select(s => (CaseStage?)s));
        int Row(CaseStage? s) => nodes.IndexOf(s);

        var edges = CaseProcedure.Transitions.Select(t => (From: Row(t.From), To: Row(t.To), t.Action.Label)).ToList();
        var straight = edges.Where(e => e.To == e.From + 1).ToList();
        var elbows = edges.Where(e => e.To != e.From + 1).OrderBy(e => Math.Abs(e.To - e.From)).ToList();

        // Greedy lanes: an elbow takes the first lane whose elbows do not overlap it.
        var lanes = new List<List<(int Low, int High)>>();
        var placed = new List<(int From, int To, string Label, int Lane)>();
        foreach (var e in elbows)
        {
            var (low, high) = (Math.Min(e.From, e.To), Math.Max(e.From, e.To));
            var lane = lanes.FindIndex(l => l.All(x => high <= x.Low || low >= x.High));
            if (lane < 0)
            {
                lanes.Add([]);
                lane = lanes.Count - 1;
            }

            lanes[lane].Add((low, high));
            placed.Add((e.From, e.To, e.Label, lane));
        }

        var width = LaneStart + (Math.Max(1, lanes.Count) * LaneWidth) + 16;
        var height = Top + (nodes.Count * RowHeight);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"flow-title flow-desc\">");
        sb.Append("<title id=\"flow-title\">行政处罚程序流程图</title>");
        sb.Append("<desc id=\"flow-desc\">由案件办理系统实际执行的阶段和环节生成：");
        sb.Append(Encode(string.Join("；", CaseProcedure.Transitions.Select(t => $"{Label(t.From)}经“{t.Action.Label}”至{Label(t.To)}"))));
        sb.Append("。</desc>");
        sb.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1d3f73\"/></marker></defs>");

        for (var i = 0; i < nodes.Count; i++)
        {
            var y = Top + (i * RowHeight);
            var rx = nodes[i] is null ? 23 : 6;
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"stage\"><rect x=\"{BoxX}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"{rx}\" fill=\"#eef3fa\" stroke=\"#1d3f73\" stroke-width=\"2\"/>");
            var label = nodes[i] is null ? "案件来源" : Label(nodes[i]);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{BoxX + (BoxWidth / 2)}\" y=\"{y + 29}\" text-anchor=\"middle\" font-size=\"16\" fill=\"#111\">{Encode(label)}</text></g>");
            if (nodes[i] is { } stage && CaseProcedure.StepsWithin(stage) is { Count: > 0 } steps)
            {
                var text = "本阶段：" + string.Join("、", steps.Select(s => s.Label));
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{BoxX + 4}\" y=\"{y + BoxHeight + 16}\" font-size=\"11\" fill=\"#333\">{Encode(Shorten(text, 34))}</text>");
            }
        }

        foreach (var (from, to, label) in straight)
        {
            var x = BoxX + (BoxWidth / 2);
            var y1 = Top + (from * RowHeight) + BoxHeight;
            var y2 = Top + (to * RowHeight);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{y1 + 22}\" x2=\"{x}\" y2=\"{y2 - 2}\" stroke=\"#1d3f73\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 8}\" y=\"{y1 + 40}\" font-size=\"13\" fill=\"#1d3f73\">{Encode(label)}</text>");
        }

        foreach (var (from, to, label, lane) in placed)
        {
            var laneX = LaneStart + (lane * LaneWidth);
            var y1 = Top + (from * RowHeight) + 16 + (lane * 6);
            var y2 = Top + (to * RowHeight) + 30 - (lane * 6);
            var right = BoxX + BoxWidth;
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{right},{y1} H{laneX} V{y2} H{right + 2}\" fill=\"none\" stroke=\"#5a6b7d\" stroke-width=\"2\" stroke-dasharray=\"6 4\" marker-end=\"url(#arrow)\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{laneX + 6}\" y=\"{(y1 + y2) / 2}\" font-size=\"12\" fill=\"#333\">{Encode(Shorten(label, 11))}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
