namespace Bot.Handoff.Handoffs;

/// <summary>Why a citizen was handed to a human, as staff read it.</summary>
public static class HandoffReasons
{
    public const string CitizenAsked = "citizen-asked";
    public const string NotFoundRepeatedly = "not-found-repeatedly";
    public const string AnswerNotHelpful = "answer-not-helpful";

    public static string Label(string reason) => reason switch
    {
        CitizenAsked or "asked" => "市民要求人工",
        NotFoundRepeatedly => "多次未找到答案",
        AnswerNotHelpful => "回答没有帮助",
        _ => reason,
    };
}
