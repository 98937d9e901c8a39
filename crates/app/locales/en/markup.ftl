# Virtual boards: social cards and ready-to-paste posts.
card-image-alt = Card of the job offer { $reference }: { $title }, { $place }
posts-title = Ready-to-paste posts
posts-intro = For every offer published in the last days, a text in each language to copy and paste on the centre's Facebook page or Google business profile, with the short link and the offer's image.
posts-days = Published in the last days
posts-none = No open offer was published in this period.
posts-more = Showing the { $shown } newest of { $total } offers: choose a centre or fewer days to see the others.
posts-text-label = Text in { $language }
posts-card-link = Social image in { $language } (PNG, 1200×630)
post-openings = { $count ->
    [one] 1 position
   *[other] { $count } positions
}
post-apply-by = Apply by { $date }
post-details = Details and how to apply: { $link }
post-hashtags = #jobs #hiring #Italy
