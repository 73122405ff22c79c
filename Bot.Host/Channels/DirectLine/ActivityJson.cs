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
}
