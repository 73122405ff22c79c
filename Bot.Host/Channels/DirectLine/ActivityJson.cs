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
