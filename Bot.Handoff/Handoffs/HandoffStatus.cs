namespace Bot.Handoff.Handoffs;

/// <summary>queued → accepted → completed; queued → failed (nobody took it, or the citizen left).</summary>
public enum HandoffStatus
{
    Queued,
    Accepted,
    Completed,
    Failed,
}
