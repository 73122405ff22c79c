namespace Bot.Tests.Infrastructure;

/// <summary>A small, valid knowledge seed in a temp directory that a test can then break on purpose.</summary>
public sealed class TestSeed : IDisposable
{
    public TestSeed()
    {
        Directory.CreateDirectory(Path.Combine(Root, "items"));
        Directory.CreateDirectory(Path.Combine(Root, "bundles"));
        Write("departments.yaml", """
            departments:
              - {id: GA, name: 公安局, fullName: 示例县公安局, phone: 0000-6611001}
              - {id: WJ, name: 卫生健康委员会, fullName: 示例县卫生健康委员会}
            """);
        Write("service-points.yaml", """
            servicePoints:
              - id: county-center
                name: 示例县政务服务中心
                kind: center
                township: 城关镇
                address: 示例县城关镇政通路1号
                location: {lat: 41.0012, lng: 113.0025}
                hours:
                  - {days: [mon, tue, wed, thu, fri], open: "08:30", close: "12:00"}
                windows:
                  - {id: C01, name: 户籍业务窗口, departments: [GA]}
                  - {id: K01, name: 卫生健康窗口, departments: [WJ]}
              - id: kiosk-center
                name: 自助服务区
                kind: kiosk
                township: 城关镇
                hours:
                  - {days: [mon, tue, wed, thu, fri, sat, sun], open: "00:00", close: "24:00"}
            """);
        Write("items/GA-04.yaml", """
            id: GA-04
            name: 出生登记
            department: GA
            title: 我要给孩子上户口
            summary: 孩子出生后办理户口登记。
            aliases: [孩子上户口, 新生儿落户]
            timeLimit: {statutoryDays: 1, promisedDays: 0}
            fee: {free: true, note: 不收费}
            materials:
              - id: birth-certificate
                name: 出生医学证明
                form: 原件
                always: true
                reviewPoints: [证明真实有效]
              - id: parent-id
                name: 父母身份证
                form: 原件
                always: true
                reviewPoints: [在有效期内]
              - id: marriage-certificate
                name: 结婚证
                form: 原件
                reviewPoints: [与父母身份一致]
              - id: nonmarital-statement
                name: 非婚生育说明
                form: 原件
                reviewPoints: [本人签字]
            situations:
              - id: married
                text: 父母是否已登记结婚？
                options:
                  - {id: yes, label: 已结婚, materials: [marriage-certificate]}
                  - {id: no, label: 未结婚, materials: [nonmarital-statement]}
            faqs:
              - {q: 要钱吗？, a: 不收费。}
            servicePoints:
              - {point: county-center, windows: [C01]}
            """);
        Write("items/WJ-01.yaml", """
            id: WJ-01
            name: 出生医学证明签发
            department: WJ
            title: 我要办出生证
            summary: 医院签发出生医学证明。
            aliases: [出生证]
            timeLimit: {promisedDays: 0}
            fee: {free: true}
            materials:
              - id: parent-id
                name: 父母身份证
                form: 原件及复印件
                always: true
                reviewPoints: [在有效期内]
            servicePoints:
              - {point: county-center, windows: [K01]}
              - {point: kiosk-center}
            """);
        Write("bundles/B-02.yaml", """
            id: B-02
            name: 新生儿出生一件事
            title: 孩子出生一次办
            summary: 出生证、户口一次办。
            aliases: [新生儿一件事]
            steps:
              - {item: WJ-01, note: 先领出生证}
              - {item: GA-04}
            sharedMaterials:
              - name: 父母身份证
                refs: [WJ-01/parent-id, GA-04/parent-id]
            servicePoints:
              - {point: county-center, windows: [C01]}
            """);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"govdoorplate-seed-{Guid.NewGuid():N}");

    public void Write(string relativePath, string yaml) => File.WriteAllText(Path.Combine(Root, relativePath), yaml + "\n");

    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal)) throw new InvalidOperationException($"'{oldText}' not in {relativePath}");
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>The 1-based line of the first line of <paramref name="relativePath"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string relativePath, string text) =>
        File.ReadAllLines(Path.Combine(Root, relativePath)).Select((line, i) => (line, i)).First(x => x.line.Contains(text, StringComparison.Ordinal)).i + 1;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
