namespace Bot.Handoff.Handoffs;

/// <summary>What the conversation engine hands over when a citizen asks for a human (转人工).</summary>
/// <param name="ConversationId">The conversation the specialist's replies go back into.</param>
/// <param name="ChannelId">The channel of that conversation (<c>directline</c>, <c>rest</c>…).</param>
/// <param name="Reason">Why the bot handed over: <c>asked</c>, <c>no-answer</c>, <c>cross-department</c>…</param>
/// <param name="TranscriptExcerpt">The last turns, already masked by the caller, oldest first.</param>
/// <param name="CandidateItemIds">The catalogue items the bot thought most likely, best first.</param>
/// <param name="SituationAnswers">The situation questions the citizen answered (situation id → option id).</param>
/// <param name="Contact">A callback contact the citizen gave, if any; stored apart and only ever shown masked.</param>
public sealed record HandoffRequest(
    string ConversationId,
    string ChannelId,
    string Reason,
    IReadOnlyList<TranscriptLine> TranscriptExcerpt,
    IReadOnlyList<string> CandidateItemIds,
    IReadOnlyDictionary<string, string> SituationAnswers,
    string? Contact = null);

/// <summary>One line of the transcript excerpt: <c>user</c> or <c>bot</c>, the text, and when.</summary>
public sealed record TranscriptLine(string From, string Text, DateTimeOffset At)
{
    /// <summary>The last few lines as one line of a ticket description: "市民：… / 助手：…".</summary>
    public static string Excerpt(IEnumerable<TranscriptLine> lines) =>
        string.Join(" / ", lines.TakeLast(6).Select(l => $"{(l.From == "user" ? "市民" : "助手")}：{l.Text}"));
}
