using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Session;

public enum PageKind
{
    Overview,
    Preparation,
    Part,
    Closing,
    Questions,
    Checklists,
}

/// <summary>Where the presenter is: a page of the console, and for <see cref="PageKind.Part"/> the part number.</summary>
public sealed record SessionPosition(PageKind Kind, int Part = 0)
{
    public static SessionPosition Overview { get; } = new(PageKind.Overview);

    public static SessionPosition ForPart(int number) => new(PageKind.Part, number);

    /// <summary>The presenter's URL of this page; the audience screen derives what to show from the position, not the URL.</summary>
    public string PresenterPath => Kind switch
    {
        PageKind.Overview => "/present",
        PageKind.Preparation => "/present/prep",
        PageKind.Part => $"/present/{Part}",
        PageKind.Closing => "/present/closing",
        PageKind.Questions => "/present/qa",
        PageKind.Checklists => "/present/checklists",
        _ => "/present",
    };

    /// <summary>The pages a clicker walks through, in order, for a scenario.</summary>
    public static IReadOnlyList<SessionPosition> Sequence(Scenario scenario)
    {
        var pages = new List<SessionPosition> { Overview };
        if (scenario.Preparation is not null)
        {
            pages.Add(new SessionPosition(PageKind.Preparation));
        }

        pages.AddRange(scenario.Parts.Select(p => ForPart(p.Number)));
        if (scenario.Closing is not null)
        {
            pages.Add(new SessionPosition(PageKind.Closing));
        }

        pages.Add(new SessionPosition(PageKind.Questions));
        pages.Add(new SessionPosition(PageKind.Checklists));
        return pages;
    }

    /// <summary>The page <paramref name="step"/> pages away in the sequence, clamped at both ends.</summary>
    public SessionPosition Step(Scenario scenario, int step)
    {
        var pages = Sequence(scenario);
        var index = pages.ToList().IndexOf(this);
        if (index < 0)
        {
            index = 0;
        }

        return pages[Math.Clamp(index + step, 0, pages.Count - 1)];
    }
}
