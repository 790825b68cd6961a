using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Containers;

/// <summary>
/// Container names as dockerd has them: stored with a leading slash, validated against
/// <c>[a-zA-Z0-9][a-zA-Z0-9_.-]+</c>, and generated as <c>adjective_surname</c> when none is given.
/// </summary>
internal static partial class ContainerNames
{
    private const string AllowedCharacters = "[a-zA-Z0-9][a-zA-Z0-9_.-]";

    // Our own lists (adjectives; surnames of scientists and engineers), in the spirit of dockerd's namesgenerator.
    private static readonly string[] Adjectives =
    [
        "admiring", "adoring", "agitated", "amazing", "angry", "awesome", "blissful", "bold", "brave", "busy",
        "charming", "clever", "cool", "compassionate", "confident", "cranky", "dazzling", "determined", "dreamy",
        "eager", "ecstatic", "elastic", "elated", "elegant", "epic", "fervent", "festive", "focused", "friendly",
        "frosty", "gallant", "gifted", "goofy", "gracious", "happy", "hardcore", "hopeful", "hungry", "infallible",
        "inspiring", "jolly", "jovial", "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "musing",
        "mystifying", "nervous", "nice", "nifty", "nostalgic", "optimistic", "peaceful", "pensive", "practical",
        "priceless", "quirky", "quizzical", "relaxed", "reverent", "romantic", "serene", "sharp", "silly",
        "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender", "thirsty", "trusting",
        "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful", "youthful", "zealous", "zen",
    ];

    private static readonly string[] Surnames =
    [
        "agnesi", "albattani", "allen", "archimedes", "babbage", "banach", "bardeen", "bartik", "bassi", "bell",
        "bhabha", "blackwell", "bohr", "booth", "boyd", "brahmagupta", "brattain", "burnell", "cannon", "carson",
        "cerf", "chandrasekhar", "clarke", "cohen", "curie", "darwin", "davinci", "dijkstra", "driscoll", "einstein",
        "elion", "engelbart", "euclid", "euler", "faraday", "fermat", "fermi", "feynman", "franklin", "galileo",
        "gauss", "germain", "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "hertz", "hodgkin",
        "hoover", "hopper", "hypatia", "jackson", "jennings", "johnson", "joliot", "kalam", "kepler", "khorana",
        "knuth", "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt", "lovelace", "lumiere",
        "margulis", "maxwell", "mayer", "mccarthy", "mcclintock", "meitner", "mendel", "mirzakhani", "morse",
        "napier", "nash", "newton", "nobel", "noether", "pascal", "pasteur", "payne", "perlman", "pike", "poincare",
        "ramanujan", "ritchie", "rosalind", "sammet", "shannon", "shockley", "sinoussi", "swanson", "tesla",
        "thompson", "torvalds", "turing", "volhard", "wescoff", "wiles", "williams", "wilson", "wozniak", "wright",
        "yalow", "yonath",
    ];

    public static string InvalidNameMessage(string name) =>
        $"Invalid container name ({name}), only {AllowedCharacters} are allowed";

    /// <summary>The name with its leading slash, or InvalidParameter with dockerd's message.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ValidName().IsMatch(name))
        {
            throw EngineException.InvalidParameter(InvalidNameMessage(name));
        }

        return name.StartsWith('/') ? name : "/" + name;
    }

    /// <summary>A random <c>adjective_surname</c>; after the first attempt a digit is appended, as dockerd does.</summary>
    public static string Generate(int attempt)
    {
        var name = $"{Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)]}_{Surnames[RandomNumberGenerator.GetInt32(Surnames.Length)]}";
        return attempt > 0 ? name + RandomNumberGenerator.GetInt32(10).ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
    }

    [GeneratedRegex("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    private static partial Regex ValidName();
}
