namespace Sanxiang.Disclosure;

/// <summary>A remedy or supervision channel the portal lists (GB118-PUB-1: 救济渠道和监督方式).</summary>
internal sealed class RemedyChannel
{
    public string Name { get; set; } = string.Empty;

    public string How { get; set; } = string.Empty;
}

/// <summary>
/// Settings of the public portal (section Disclosure:Portal). The remedy channels ship with defaults that hold for
/// any county (the 12345 hotline, reconsideration and litigation); a deployment adds its own complaint lines.
/// </summary>
internal sealed class PortalOptions
{
    public const string Section = "Disclosure:Portal";

    public List<RemedyChannel> RemedyChannels { get; set; } =
    [
        new() { Name = "12345政务服务便民热线", How = "拨打12345，反映行政执法中的问题，投诉执法人员的违法或不当行为" },
        new() { Name = "行政执法监督投诉", How = "向本级司法行政部门（行政执法监督机构）书面或当面投诉、举报，地址见下方" },
        new() { Name = "行政复议", How = "自知道行政行为之日起60日内向行政复议机关提出申请（RCN-1）" },
        new() { Name = "行政诉讼", How = "自知道作出行政行为之日起6个月内向人民法院提起诉讼" },
    ];
}
