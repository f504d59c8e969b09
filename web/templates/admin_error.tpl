{{%AUTOESCAPE context="HTML"}}{{>HEADER}}
<h1>{{HEADING}}</h1>
<p>{{TEXT}}</p>
<p><a href="/quan-tri">Về bảng điều khiển</a></p>
{{>FOOTER}}
