/** The box's one stylesheet, served from the box itself (the CSP allows styles from 'self' only). */
export const BOX_CSS = `body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fdfcf8}
header{border-bottom:1px solid #ddd;margin-bottom:1.5rem;padding-bottom:.5rem}
header .blog{font-size:1.4rem;font-weight:bold;color:#222;text-decoration:none}
header .sub{color:#777;font-style:italic}
nav a,footer{color:#555;font-size:.9rem}
footer{margin-top:3rem;border-top:1px solid #ddd;padding-top:.5rem}
.entries{list-style:none;padding:0}.entry{margin-bottom:1.2rem}
.entry time{color:#777;font-size:.85rem;margin-right:.5rem}.entry .title{font-size:1.15rem}
.teaser{margin:.2rem 0;color:#444}.count{color:#777;font-size:.85rem}
.meta,.hint{color:#777;font-size:.9rem}.cat{background:#eee;border-radius:3px;padding:0 .4rem;font-size:.85rem}
.para{margin:0 0 1rem}
details.sentence{display:inline}details.sentence>summary{display:inline;cursor:pointer;list-style:none}
details.sentence>summary::-webkit-details-marker{display:none}
details.sentence[open]>summary{background:#fff3c4}
.sources{font-size:.85rem;background:#f3f1ea;border-left:3px solid #c9b458;margin:.3rem 0 .6rem;padding:.3rem .6rem .3rem 1.6rem}
.share{font-weight:bold}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.comments ol{list-style:none;padding:0}.comment{border-top:1px solid #e5e5e5;padding:.5rem 0}
.who{color:#666;font-size:.85rem;margin:0}.notice{color:#a00}
textarea,input[type=text]{width:100%;font:inherit}
table.shares{border-collapse:collapse;font-size:.9rem}table.shares td,table.shares th{border-bottom:1px solid #ddd;padding:.2rem .5rem;text-align:right}
table.shares td:first-child,table.shares th:first-child{text-align:left}
`;
