namespace Sanxiang.Kernel.Persistence;

/// <summary>Who is acting: a user ID, "apikey:{id}" for API clients, or "system".</summary>
public interface ICurrentActor
{
    string ActorId { get; }
}

public sealed class SystemActor : ICurrentActor
{
    public string ActorId => "system";
}
