namespace Sanxiang.Cases.Contracts;

/// <summary>
/// One agency's case counts for a calendar year (GB118-PUB-5), as the annual report needs them: penalty decisions and
/// their fines and confiscations, decisions not to penalise, coercive measures (seal-up, seizure) taken, and the
/// reconsiderations and lawsuits started against its decisions. No personal data.
/// </summary>
public sealed record AgencyCaseYear(Guid AgencyId, int Penalties, long FinesFen, long ConfiscationsFen, int NoPenalties, int Coercions, int Reconsiderations, int Litigations);

/// <summary>Yearly statistics from the case engine (implemented by Cases).</summary>
public interface ICaseStatistics
{
    /// <summary>Counts per agency for the year (agencies without any case are absent: the report shows them with zeros).</summary>
    Task<IReadOnlyList<AgencyCaseYear>> YearAsync(int year, CancellationToken ct = default);
}
