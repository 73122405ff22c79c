namespace Bot.Handoff;

/// <summary>
/// A move the rules of a ticket or handoff do not allow (accepting a closed ticket, rating twice…).
/// Thrown before anything changes, so the aggregate is exactly as it was; the web API answers 409.
/// </summary>
public sealed class HandoffRuleException(string message) : Exception(message);
