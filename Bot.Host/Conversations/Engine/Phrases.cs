namespace Bot.Host.Conversations.Engine;

/// <summary>What a citizen asks for besides a service item: commands and follow-up questions about the current item.</summary>
internal enum Ask
{
    None, Restart, Back, Human, ErrorReport, Greeting, NotHelpful, MyTickets,
    Materials, Where, Hours, Duration, Fee, Online, Conditions, Faqs,
}

internal static class Phrases
{
    // Commands match when the message is essentially the command; follow-ups when the phrase appears anywhere.
    private static readonly (Ask Ask, string[] Words)[] Commands =
    [
        (Ask.Restart, ["重新开始", "重来", "从头开始", "重新来", "清空"]),
        (Ask.Back, ["上一步", "返回上一步", "上一题", "返回", "改一下上一个"]),
        (Ask.Human, ["转人工", "人工", "人工客服", "找人工", "人工服务", "真人", "找客服", "客服", "转接人工", "我要人工"]),
        (Ask.ErrorReport, ["纠错", "有错误", "信息不对", "找茬", "说错了", "信息有误", "报错", "内容有错"]),
        (Ask.Greeting, ["你好", "您好", "hi", "hello", "帮助", "怎么用", "在吗", "在不在", "菜单", "开始", "你能做什么", "你会什么"]),
        (Ask.NotHelpful, ["没用", "没帮助", "不是这个", "答非所问", "不对", "没解决", "不是我要的", "没有帮助"]),
        (Ask.MyTickets, ["我的工单", "查工单", "工单进度"]),
    ];

    private static readonly (Ask Ask, string[] Words)[] FollowUps =
    [
        (Ask.Materials, ["材料", "带什么", "带啥", "准备什么", "准备啥", "要什么", "要啥", "清单", "需要哪些", "提供什么", "手续"]),
        (Ask.Where, ["在哪", "哪里办", "哪儿办", "去哪", "地址", "窗口", "怎么走", "导航", "位置", "最近的"]),
        (Ask.Hours, ["几点", "开门", "上班", "下班", "周末", "周六", "周日", "星期六", "星期天", "节假日", "营业时间", "办公时间", "中午"]),
        (Ask.Duration, ["多久", "几天", "时限", "多长时间", "什么时候能拿", "多快", "当天能", "要等"]),
        (Ask.Fee, ["收费", "多少钱", "费用", "要钱", "免费", "花钱", "工本费", "收钱"]),
        (Ask.Online, ["网上", "线上", "手机上", "手机办", "app", "小程序", "网办", "不用跑", "在家办", "掌上"]),
        (Ask.Conditions, ["条件", "能不能办", "可以办吗", "资格", "符合", "谁能办"]),
        (Ask.Faqs, ["常见问题", "问题列表"]),
    ];

    /// <summary>A command, when the whole (short) message is one.</summary>
    public static Ask Command(string text)
    {
        var bare = new string(text.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        foreach (var (ask, words) in Commands)
        {
            if (words.Any(w => bare == w || (bare.Length <= w.Length + 3 && bare.Contains(w, StringComparison.Ordinal)))) return ask;
            // "纠错：窗口号写错了", "转人工，我电话138…": the command comes first, details follow.
            // ("人工智能是什么" is not a request for a human: only the longer human words count as a prefix.)
            if (ask is Ask.ErrorReport or Ask.Human
                && words.Any(w => (ask == Ask.ErrorReport || w.Length >= 3) && bare.StartsWith(w, StringComparison.Ordinal))) return ask;
        }
        return Ask.None;
    }

    /// <summary>A follow-up about the current item, if the message asks one.</summary>
    public static Ask FollowUp(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var (ask, words) in FollowUps)
            if (words.Any(w => lower.Contains(w, StringComparison.Ordinal))) return ask;
        return Ask.None;
    }

    /// <summary>Short "yes"/"no" answers and the option labels they stand for.</summary>
    public static bool? YesNo(string text)
    {
        var bare = new string(text.Where(char.IsLetterOrDigit).ToArray());
        if (bare is "是" or "是的" or "对" or "对的" or "有" or "有的" or "嗯" or "嗯嗯" or "好" or "要" or "需要" or "已经" or "已" or "没错" or "是啊" or "对啊") return true;
        if (bare is "不是" or "否" or "没有" or "不" or "无" or "没" or "未" or "不要" or "不需要" or "还没" or "还没有" or "不用") return false;
        return null;
    }

    public static bool LooksYes(string label) => label.StartsWith('是') || label.StartsWith('有') || label.StartsWith('已') || label.StartsWith("需要", StringComparison.Ordinal) || label.StartsWith('要');

    public static bool LooksNo(string label) => label.StartsWith('否') || label.StartsWith('不') || label.StartsWith('没') || label.StartsWith('无') || label.StartsWith('未');
}
