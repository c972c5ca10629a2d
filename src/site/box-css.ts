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
.para{margin:0 0 1rem;position:relative}
details.sentence{display:inline}details.sentence::details-content{display:contents}
details.sentence>summary{display:inline;cursor:pointer;list-style:none;text-decoration:underline dotted #c9b458;text-underline-offset:.2em}
details.sentence>summary::-webkit-details-marker{display:none}details.sentence>summary::marker{content:none}
details.sentence>summary:hover{background:#fbf6e0}details.sentence>summary:focus-visible{outline:2px solid #c9b458;outline-offset:1px}
details.sentence[open]>summary{background:#fff3c4}
details.sentence:not([open])>.sources{display:none}
details.sentence>.sources{position:absolute;left:0;right:0;z-index:2;margin:.2rem 0 0;list-style:none;box-shadow:0 2px 8px rgba(0,0,0,.18)}
.sources{display:block;font-size:.85rem;line-height:1.4;background:#f3f1ea;border-left:3px solid #c9b458;padding:.4rem .6rem}
.sources li{margin:.1rem 0}
.share{font-weight:bold}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.comments ol{list-style:none;padding:0}.comment{border-top:1px solid #e5e5e5;padding:.5rem 0}
.who{color:#666;font-size:.85rem;margin:0}.notice{color:#a00}
textarea,input[type=text]{width:100%;font:inherit}
table.shares{border-collapse:collapse;font-size:.9rem}table.shares td,table.shares th{border-bottom:1px solid #ddd;padding:.2rem .5rem;text-align:right}
table.shares td:first-child,table.shares th:first-child{text-align:left}
`;
