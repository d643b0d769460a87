using Sanxiang.Kernel.Domain;

namespace Sanxiang.Reviews.Domain;

/// <summary>
/// A member of an agency's legal-review pool (法制审核人员): an internal reviewer signed in as a user, or an external
/// legal advisor (外聘法律顾问) who gives written opinions only. APL-58: someone who has never reviewed a decision must
/// hold the national legal professional qualification (法律职业资格) to start.
/// </summary>
internal sealed class Reviewer : AggregateRoot
{
    private Reviewer()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The user who acts as this reviewer (null for an external advisor without an account).</summary>
    public string? UserId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The Registry officer this reviewer is, when they are also an enforcement officer (for the team check).</summary>
    public Guid? OfficerId { get; private set; }

    /// <summary>法律职业资格证书编号; null when the reviewer holds none.</summary>
    public string? QualificationNumber { get; private set; }

    /// <summary>The day of the reviewer's first concluded review; null: never reviewed (a first-time reviewer).</summary>
    public DateOnly? FirstReviewedOn { get; private set; }

    public bool External { get; private set; }

    public bool Active { get; private set; } = true;

    public int Version { get; private set; }

    public static Reviewer Create(Guid agencyId, string? userId, string name, Guid? officerId, string? qualificationNumber, DateOnly? firstReviewedOn, bool external, DateTimeOffset now)
    {
        new Check()
            .Required("Name", "姓名", name, 50)
            .That(external || !string.IsNullOrWhiteSpace(userId), "UserId", "INPUT-REQUIRED", "内部审核人员须关联登录用户")
            .That(qualificationNumber is null || qualificationNumber.Trim().Length is > 0 and <= 40, "QualificationNumber", "INPUT-LENGTH", "法律职业资格证书编号长度不正确")
            .ThrowIfAny();
        var r = new Reviewer
        {
            Id = Guid.CreateVersion7(now),
            AgencyId = agencyId,
            UserId = string.IsNullOrWhiteSpace(userId) ? null : userId,
            Name = name.Trim(),
            OfficerId = officerId,
            QualificationNumber = string.IsNullOrWhiteSpace(qualificationNumber) ? null : qualificationNumber.Trim(),
            FirstReviewedOn = firstReviewedOn,
            External = external,
        };
        r.Raise(new ReviewerEvent("reviews.reviewer.added", r.Id, agencyId));
        return r;
    }

    /// <summary>
    /// APL-58: may this internal reviewer examine a case with this team? Not a member of the case team (the one who
    /// investigated does not review), and a first-time reviewer must hold the legal professional qualification.
    /// </summary>
    public void CheckMayReview(IReadOnlyCollection<Guid> teamOfficerIds, Check check)
    {
        if (!Active)
        {
            check.Add("ReviewerIds", "APL-58", $"{Name}已不在审核人员库中");
        }

        if (OfficerId is { } officer && teamOfficerIds.Contains(officer))
        {
            check.Add("ReviewerIds", "APL-58", $"{Name}是本案承办人员，不得审核本案（审核与调查分离）");
        }

        if (!External && FirstReviewedOn is null && QualificationNumber is null)
        {
            check.Add("ReviewerIds", "APL-58", $"{Name}初次从事法制审核，须取得法律职业资格");
        }
    }

    public void MarkReviewed(DateOnly on)
    {
        if (FirstReviewedOn is null)
        {
            FirstReviewedOn = on;
            Version++;
        }
    }
}

internal sealed record ReviewerEvent(string EventType, Guid AggregateId, Guid AgencyId) : IDomainEvent;
