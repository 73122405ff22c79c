using Bot.Knowledge.Bundles;
using Bot.Knowledge.Departments;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bot.Knowledge.Seed;

/// <summary>Turns the seed's YAML files into the knowledge model, reporting shape problems (types, keys, required fields) with their lines.</summary>
internal sealed partial class SeedReader(string root, SeedProblems problems, SeedLocations locations)
{
    public IReadOnlyList<Department> ReadDepartments(string path) =>
        ReadList(path, "departments", node =>
        {
            node.AllowOnly("id", "name", "fullName", "phone");
            var id = node.Text("id");
            var name = node.Text("name");
            return id is null || name is null ? null
                : locations.Remember(new Department(id, name, node.Text("fullName", required: false) ?? name, node.Text("phone", required: false)), node);
        });

    public IReadOnlyList<ServicePoint> ReadServicePoints(string path) =>
        ReadList(path, "servicePoints", ReadServicePoint);

    public ServiceItem? ReadItem(string path) => ReadDocument(path, ReadItem);

    public Bundle? ReadBundle(string path) => ReadDocument(path, ReadBundle);

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private YamlNode? Open(string path)
    {
        var file = Relative(path);
        TrackingParser? parser = null;
        try
        {
            using var reader = new StreamReader(path);
            parser = new TrackingParser(new Parser(reader));
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping)
                return new YamlNode(mapping, file, problems);
            problems.Add(file, 1, "the file must hold exactly one YAML mapping");
        }
        catch (YamlException e)
        {
            problems.Add(file, (int)e.Start.Line, $"invalid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner sometimes fails without a location; the last event it parsed is the nearest one.
            problems.Add(file, parser?.LastLine ?? 1, "invalid YAML near this line (an unclosed bracket or quote?)");
        }
        return null;
    }

    private T? ReadDocument<T>(string path, Func<YamlNode, T?> read) where T : class =>
        Open(path) is { } node ? read(node) : null;

    private List<T> ReadList<T>(string path, string key, Func<YamlNode, T?> read) where T : class
    {
        if (Open(path) is not { } node) return [];
        node.AllowOnly(key);
        return node.Mappings(key, required: true).Select(read).OfType<T>().ToList();
    }

    private ServicePoint? ReadServicePoint(YamlNode node)
    {
        node.AllowOnly("id", "name", "kind", "township", "address", "location", "phone", "hours", "windows", "notes");
        var id = node.Text("id");
        var name = node.Text("name");
        var kindText = node.Text("kind");
        var township = node.Text("township");
        ServicePointKind? kind = kindText switch
        {
            "center" => ServicePointKind.Center,
            "township" => ServicePointKind.Township,
            "community" => ServicePointKind.Community,
            "kiosk" => ServicePointKind.Kiosk,
            null => null,
            _ => Unknown(node, "kind", kindText, "center, township, community, kiosk"),
        };
        GeoPoint? location = null;
        if (node.Mapping("location") is { } at)
        {
            at.AllowOnly("lat", "lng");
            if (at.Double("lat", required: true) is { } lat && at.Double("lng", required: true) is { } lng)
                location = new GeoPoint(lat, lng);
        }
        var hours = node.Mappings("hours").Select(ReadOpeningSpan).OfType<OpeningSpan>().ToList();
        var windows = node.Mappings("windows").Select(window =>
        {
            window.AllowOnly("id", "name", "departments");
            var windowId = window.Text("id");
            var windowName = window.Text("name");
            return windowId is null || windowName is null ? null
                : locations.Remember(new Window(windowId, windowName, window.Texts("departments")), window);
        }).OfType<Window>().ToList();
        if (id is null || name is null || kind is null || township is null) return null;
        return locations.Remember(new ServicePoint
        {
            Id = id,
            Name = name,
            Kind = kind.Value,
            Township = township,
            Address = node.Text("address", required: false),
            Location = location,
            Phone = node.Text("phone", required: false),
            Hours = hours,
            Windows = windows,
            Notes = node.Text("notes", required: false),
        }, node);
    }

    private static readonly Dictionary<string, DayOfWeek> Days = new()
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    private OpeningSpan? ReadOpeningSpan(YamlNode node)
    {
        node.AllowOnly("days", "open", "close", "note");
        var days = new List<DayOfWeek>();
        foreach (var day in node.Texts("days", required: true))
        {
            if (Days.TryGetValue(day, out var d)) days.Add(d);
            else node.ProblemAt("days", $"unknown day '{day}' (use mon tue wed thu fri sat sun)");
        }
        var open = Time(node, "open");
        var close = Time(node, "close");
        if (open is null || close is null || days.Count == 0) return null;
        if (close <= open) node.ProblemAt("close", $"closing time {close:HH\\:mm} is not after opening time {open:HH\\:mm}");
        return new OpeningSpan(days, open.Value, close.Value, node.Text("note", required: false));
    }

    private static TimeOnly? Time(YamlNode node, string key)
    {
        var text = node.Text(key);
        if (text is null) return null;
        if (text == "24:00") return TimeOnly.MaxValue;
        if (TimeOnly.TryParseExact(text, "HH:mm", out var time)) return time;
        node.ProblemAt(key, $"'{key}' must be a time like 08:30, not '{text}'");
        return null;
    }

    private static T? Unknown<T>(YamlNode node, string key, string value, string allowed) where T : struct
    {
        node.ProblemAt(key, $"'{key}' is '{value}', expected one of: {allowed}");
        return null;
    }

    private static ServicePointKind? Unknown(YamlNode node, string key, string value, string allowed) =>
        Unknown<ServicePointKind>(node, key, value, allowed);
}
