using Bot.Knowledge.Items;
using Bot.Knowledge.Seed;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Knowledge.Seed;

public sealed class SeedLoaderTests : IDisposable
{
    private readonly TestSeed _seed = new();

    public void Dispose() => _seed.Dispose();

    private IReadOnlyList<SeedProblem> Problems() =>
        Assert.Throws<SeedValidationException>(() => SeedLoader.Load(_seed.Root)).Problems;

    [Fact]
    public void A_valid_seed_loads_every_part_of_the_model()
    {
        var seed = SeedLoader.Load(_seed.Root);

        Assert.Equal(["GA", "WJ"], seed.Departments.Select(d => d.Id));
        var birth = seed.Items.Single(i => i.Id == "GA-04");
        Assert.Equal(MaterialForm.Original, birth.Materials[0].Form);
        Assert.Equal(["marriage-certificate"], birth.Situations[0].Options[0].Materials);
        Assert.Equal(TimeOnly.MaxValue, seed.ServicePoints.Single(p => p.Id == "kiosk-center").Hours[0].Close);
        Assert.Equal("GA-04", seed.Bundles[0].SharedMaterials[0].Refs[1].ItemId);
    }

    [Fact]
    public void A_duplicate_item_id_is_reported_with_both_places()
    {
        _seed.Write("items/GA-04b.yaml", File.ReadAllText(Path.Combine(_seed.Root, "items/GA-04.yaml")));

        var problem = Assert.Single(Problems(), p => p.Message.Contains("duplicate item id 'GA-04'"));
        Assert.Equal("items/GA-04b.yaml", problem.File);
        Assert.Equal(1, problem.Line);
        Assert.Contains("items/GA-04.yaml:1", problem.Message);
    }

    [Fact]
    public void A_dangling_material_reference_names_file_and_line()
    {
        _seed.Replace("items/GA-04.yaml", "materials: [nonmarital-statement]", "materials: [nonmarital-statment]");

        var problems = Problems();
        var dangling = Assert.Single(problems, p => p.Message.Contains("unknown material 'nonmarital-statment'"));
        Assert.Equal(("items/GA-04.yaml", _seed.LineOf("items/GA-04.yaml", "nonmarital-statment")), (dangling.File, dangling.Line));
        Assert.Contains(problems, p => p.Message.Contains("'nonmarital-statement' of GA-04 is not 'always' and no option reaches it"));
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line_and_nothing_is_served()
    {
        _seed.Write("items/GA-04.yaml", "id: GA-04\nname: 出生登记\naliases: [a, b\ntitle: x");

        var problem = Assert.Single(Problems(), p => p.File == "items/GA-04.yaml");
        Assert.StartsWith("invalid YAML", problem.Message);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void A_question_that_depends_on_a_later_question_cannot_be_reached()
    {
        _seed.Replace("items/GA-04.yaml", "    text: 父母是否已登记结婚？", "    text: 父母是否已登记结婚？\n    when: {question: married, option: yes}");

        var problems = Problems();
        var line = _seed.LineOf("items/GA-04.yaml", "when:");
        Assert.Contains(problems, p => p.Message.Contains("question GA-04/married cannot be reached") && p.Line == line);
        Assert.Contains(problems, p => p.Message.Contains("'marriage-certificate' of GA-04 is not 'always'"));
    }

    [Fact]
    public void Unknown_keys_windows_departments_and_forms_are_all_reported_at_once()
    {
        _seed.Replace("items/GA-04.yaml", "department: GA", "department: XX\ndepartmnet: GA");
        _seed.Replace("items/GA-04.yaml", "windows: [C01]", "windows: [C99]");
        _seed.Replace("items/WJ-01.yaml", "form: 原件及复印件", "form: 扫描件");

        var messages = Problems().Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("items/GA-04.yaml:4: unknown key 'departmnet'"));
        Assert.Contains(messages, m => m.Contains("unknown department 'XX'"));
        Assert.Contains(messages, m => m.Contains("window 'C99' does not exist at county-center"));
        Assert.Contains(messages, m => m.StartsWith($"items/WJ-01.yaml:{_seed.LineOf("items/WJ-01.yaml", "扫描件")}: 'form' is '扫描件'"));
    }

    [Fact]
    public void A_bundle_must_refer_to_materials_of_its_own_steps()
    {
        _seed.Replace("bundles/B-02.yaml", "GA-04/parent-id", "GA-04/mother-id");

        var problem = Assert.Single(Problems());
        Assert.Equal("bundles/B-02.yaml", problem.File);
        Assert.Contains("unknown material GA-04/mother-id", problem.Message);
    }

    [Fact]
    public void A_file_whose_name_differs_from_its_id_is_refused()
    {
        File.Move(Path.Combine(_seed.Root, "items/WJ-01.yaml"), Path.Combine(_seed.Root, "items/WJ-02.yaml"));

        Assert.Contains(Problems(), p => p.File == "items/WJ-02.yaml" && p.Message.Contains("differs from the file name"));
    }
}
