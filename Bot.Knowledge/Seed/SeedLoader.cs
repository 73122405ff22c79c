using Bot.Knowledge.Bundles;
using Bot.Knowledge.Items;

namespace Bot.Knowledge.Seed;

/// <summary>Loads and validates the whole knowledge seed directory; throws <see cref="SeedValidationException"/> listing every problem.</summary>
public static class SeedLoader
{
    public static KnowledgeSeed Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
            throw new SeedValidationException([new SeedProblem(directory, 0, "the knowledge seed directory does not exist")]);
        var problems = new SeedProblems();
        var locations = new SeedLocations();
        var reader = new SeedReader(root, problems, locations);
        var departments = reader.ReadDepartments(Required(root, "departments.yaml", problems));
        var points = reader.ReadServicePoints(Required(root, "service-points.yaml", problems));
        var items = ReadFolder(root, "items", reader.ReadItem, i => i.Id, problems, locations);
        var bundles = ReadFolder(root, "bundles", reader.ReadBundle, b => b.Id, problems, locations);
        var seed = new KnowledgeSeed(departments, points, items, bundles);
        new SeedValidator(seed, problems, locations).Validate();
        if (problems.All.Count > 0) throw new SeedValidationException(problems.All);
        return seed;
    }

    /// <summary>
    /// Checks an assembled knowledge base (e.g. with one item edited by a curator) with the seed's rules; problems of
    /// elements that came from no file are reported under <paramref name="source"/>.
    /// </summary>
    public static void Validate(KnowledgeSeed seed, string source)
    {
        var problems = new SeedProblems();
        new SeedValidator(seed, problems, new SeedLocations()).Validate();
        if (problems.All.Count > 0)
            throw new SeedValidationException(problems.All.Select(p => p.File == "?" ? p with { File = source } : p).ToList());
    }

    private static string Required(string root, string name, SeedProblems problems)
    {
        var path = Path.Combine(root, name);
        if (!File.Exists(path)) problems.Add(name, 0, "required file is missing");
        return path;
    }

    private static List<T> ReadFolder<T>(string root, string folder, Func<string, T?> read, Func<T, string> id,
        SeedProblems problems, SeedLocations locations) where T : class
    {
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory)) return [];
        var list = new List<T>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (read(path) is not { } element) continue;
            var expected = Path.GetFileNameWithoutExtension(path);
            if (id(element) != expected)
            {
                var (file, line) = locations.Of(element);
                problems.Add(file, line, $"id '{id(element)}' differs from the file name '{expected}'");
            }
            list.Add(element);
        }
        return list;
    }
}
