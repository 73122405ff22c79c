namespace Bot.Knowledge.Checklists;

/// <summary>
/// A citizen's answers to situation questions, keyed "ITEM/question" → option id, so that the
/// questions of several items (a bundle) can be answered side by side.
/// </summary>
public static class AnswerKey
{
    public static string Of(string itemId, string questionId) => $"{itemId}/{questionId}";
}
