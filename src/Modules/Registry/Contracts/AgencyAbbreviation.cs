namespace Sanxiang.Registry.Contracts;

/// <summary>The short form of an agency's name that starts its document numbers (文号), e.g. 安平市监 in 安平市监罚〔2026〕12号.</summary>
public static class AgencyAbbreviation
{
    public static string Of(AgencySummary? agency)
    {
        if (agency is null)
        {
            return "执法";
        }

        var place = agency.Name.Length >= 2 ? agency.Name[..2] : agency.Name;
        return place + agency.Kind switch
        {
            AgencyKind.MarketRegulation => "市监",
            AgencyKind.UrbanManagement => "综执",
            AgencyKind.EcologyEnvironment => "环",
            AgencyKind.Transport => "交",
            AgencyKind.Culture => "文",
            AgencyKind.Agriculture => "农",
            _ => string.Empty,
        };
    }
}
