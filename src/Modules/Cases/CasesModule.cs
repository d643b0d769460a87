namespace Sanxiang.Cases;

/// <summary>The Cases module: penalty cases from clue to archive, with the law's rules enforced.</summary>
public static class CasesModule
{
}
