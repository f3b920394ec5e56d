/// The SHA-256 that identifies a criteria set as a run scores it: the set's file, and when the
/// run also uses a targets file or a view, those too (a changed target is a changed set).
public enum ScoringInputsDigest {
    /// The hex SHA-256 of the criteria file alone when there is neither a targets file nor a
    /// view; else of the criteria file's hash, the targets file's hash and the view's tag.
    /// - Throws: when a file cannot be read.
    public static func hex(criteriaFile: String, targetsFile: String?, view: String?) throws -> String {
        let criteria = try SHA256Digest.hex(ofFileAt: criteriaFile)
        guard targetsFile != nil || view != nil else { return criteria }
        var text = "criteria \(criteria)\n"
        if let targetsFile { text += "targets \(try SHA256Digest.hex(ofFileAt: targetsFile))\n" }
        if let view { text += "only \(view)\n" }
        return SHA256Digest.hex(of: Array(text.utf8))
    }
}
