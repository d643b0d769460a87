using Sanxiang.Cases.Contracts;
using Sanxiang.Reviews.Contracts;

namespace Sanxiang.Reviews.Features;

internal sealed record SubmitInput(ProposedDecision Decision, string? InvestigationReport, string? DiscretionReasoning, string? TransferReasoning);

internal sealed record AssignInput(IReadOnlyList<Guid>? ReviewerIds);

internal sealed record AdviceInput(Guid ReviewerId, string? Text);

internal sealed record FindingInput(ChecklistItem Item, bool Satisfied, string? Note);

internal sealed record ConcludeInput(IReadOnlyList<FindingInput>? Findings, ReviewOutcome Outcome, string? Opinion);

internal sealed record ReasonInput(string? Reason);

internal sealed record ReviewDiscussionInput(string? Participants, string? Conclusion, bool Adopted);

internal sealed record ReviewerInput(string? UserId, string? Name, Guid? OfficerId, string? QualificationNumber, DateOnly? FirstReviewedOn, bool External);
