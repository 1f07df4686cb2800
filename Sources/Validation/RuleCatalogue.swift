import ReportModel

/// Every validation rule, in the order the catalogue and `annual-report rules` list them.
public enum RuleCatalogue {
    public static let rules: [any Rule] = [
        StatedTotalRule(), GroupTotalRule(), AreaHierarchyRule(), BreakdownRule(), SubsetRule(), PeriodTotalRule(),
        DeclaredRelationRule(),
        PercentageRule(), PercentageTruncationRule(), UnverifiablePercentageRule(),
        SharesOfWholeRule(), GroupShareRule(),
        RepeatedFigureRule(), DatasetPeriodRule(), FigurePeriodRule(),
        NonNegativeRule(), PercentageRangeRule(),
        AreaReferenceRule(), MeasureReferenceRule(), DenominatorRule(), GroupReferenceRule(),
        CorrectionReferenceRule(), SectionReferenceRule(), PolicyRuleReferenceRule(), RankingOrderRule(),
        StatutoryItemReferenceRule(), NarrativeReferenceRule(), LiteralFigureRule(), DirectionRule(), ListCountRule(),
        AbbreviationRule(), StatutoryCoverageRule(), DatasetShownRule(), ExampleValueRule(), LongWordRule(),
    ]
}
