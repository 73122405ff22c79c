using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The wire form of activities: camelCase, nulls left out (Web Chat treats a present-but-null field differently from
/// an absent one), Chinese text unescaped. Stored rows hold exactly this JSON, so reads send it without re-serializing.
/// </summary>
internal static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(Activity activity) => JsonSerializer.Serialize(activity, Options);

    /// <summary>The activity's JSON without its <c>id</c>: the transcript writer puts the id in front once it is known.</summary>
    public static string WriteWithoutId(Activity activity) => Write(activity.Id is null ? activity : activity with { Id = null });

    /// <summary>
    /// <paramref name="body"/> (from <see cref="WriteWithoutId"/>) with <c>id</c> and, when given, <c>replyToId</c> as its
    /// first properties. The body must not hold a <c>replyToId</c> when one is given.
    /// </summary>
    public static string WithIds(string body, string id, string? replyToId)
    {
        var builder = new StringBuilder(body.Length + 2 * id.Length + 32);
        builder.Append("{\"id\":\"").Append(Escaped(id)).Append('"');
        if (replyToId is not null) builder.Append(",\"replyToId\":\"").Append(Escaped(replyToId)).Append('"');
        if (body.Length > 2) builder.Append(',').Append(body, 1, body.Length - 1);
        else builder.Append('}');
        return builder.ToString();
    }

    private static string Escaped(string value) => JsonEncodedText.Encode(value, Options.Encoder).Value;

    public static Activity? Read(string json) => JsonSerializer.Deserialize<Activity>(json, Options);

    /// <summary>An ActivitySet (<c>{"activities":[…],"watermark":"N"}</c>) built from stored JSON.</summary>
    public static string ActivitySet(IReadOnlyList<StoredActivity> activities, long watermark)
    {
        var builder = new System.Text.StringBuilder(64 + activities.Sum(a => a.Json.Length + 1));
        builder.Append("{\"activities\":[");
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(activities[i].Json);
        }
        builder.Append("],\"watermark\":\"").Append(watermark.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"}");
        return builder.ToString();
    }

    /// <summary>The same ActivitySet, written as UTF-8 straight into <paramref name="output"/> (no intermediate string).</summary>
    public static void WriteActivitySet(IBufferWriter<byte> output, IReadOnlyList<StoredActivity> activities, long watermark)
    {
        output.Write("{\"activities\":["u8);
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) output.Write(","u8);
            Encoding.UTF8.GetBytes(activities[i].Json, output);
        }
        output.Write("],\"watermark\":\""u8);
        var digits = output.GetSpan(20);
        watermark.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        output.Advance(written);
        output.Write("\"}"u8);
    }
}
