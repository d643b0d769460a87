namespace Sanxiang.Registry.Contracts;

/// <summary>Fixed IDs of the demo data set's agencies, so the host can attach demo users to them.</summary>
public static class DemoAgencies
{
    public static readonly Guid Province = new("0190f000-0000-7000-8000-000000000001");
    public static readonly Guid City = new("0190f000-0000-7000-8000-000000000002");
    public static readonly Guid County = new("0190f000-0000-7000-8000-000000000003");
    public static readonly Guid MarketRegulation = new("0190f000-0000-7000-8000-000000000011");
    public static readonly Guid UrbanManagement = new("0190f000-0000-7000-8000-000000000012");
    public static readonly Guid Ecology = new("0190f000-0000-7000-8000-000000000013");
    public static readonly Guid Justice = new("0190f000-0000-7000-8000-000000000014");
    public static readonly Guid Township = new("0190f000-0000-7000-8000-000000000021");
}
